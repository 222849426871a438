import type { NextConfig } from 'next'
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants'

// `next dev` loads .env files before it reads this config, so a missing secret is known here.
// Stopping now, with the fix in the message, beats a SessionConfigError on the first request.
// Production (`next build`, `next start`) is left to the kit: it throws SessionConfigError
// itself on first use, and a build does not need the secret (every page reads cookies).
const MISSING_SECRET_MESSAGE = [
  'SESSION_SECRET is not set, so the reference app cannot encrypt session cookies.',
  'Make one and put it in .env.local (see .env.example):',
  '',
  '  echo "SESSION_SECRET=$(openssl rand -base64 32)" >> .env.local',
  '',
].join('\n')

function nextConfig(phase: string): NextConfig {
  // Storybook (which sets STORYBOOK=true) loads this config too; its stories bring their own
  // throwaway secret, so the docs must start without one.
  const inStorybook = process.env.STORYBOOK === 'true'
  if (phase === PHASE_DEVELOPMENT_SERVER && !inStorybook && !process.env.SESSION_SECRET?.trim()) {
    console.error(MISSING_SECRET_MESSAGE)
    process.exit(1)
  }
  return {
    // Type errors fail `next build` (the default). The one exception: `npm test` sets
    // TYPECHECKED_BY_NPM_TEST=1 for its e2e build, because its typecheck phase has just run
    // `tsc --noEmit` on the same tsconfig and failed the run on any error; checking again would
    // add ~10-20 s to the 4-minute budget and prove nothing more. `next build` lints nothing in
    // Next 16 (`npm run lint` does), so there is no `eslint` key either.
    typescript: { ignoreBuildErrors: process.env.TYPECHECKED_BY_NPM_TEST === '1' },
    poweredByHeader: false,
    reactStrictMode: true,
  }
}

export default nextConfig
