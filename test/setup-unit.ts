// A fixed test secret (32+ bytes) so server helpers run; tests that check config errors override it.
process.env.SESSION_SECRET ??= 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz'
