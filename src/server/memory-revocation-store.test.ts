import 'server-only'
import { describeRevocationStore } from '@/test/support/revocation-store-contract'
import { memoryRevocationStore } from './memory-revocation-store'

describeRevocationStore('memory', () => memoryRevocationStore())
