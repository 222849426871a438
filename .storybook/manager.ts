import { addons } from 'storybook/manager-api'
import { sessionKitTheme } from './theme'

addons.setConfig({ theme: sessionKitTheme })
