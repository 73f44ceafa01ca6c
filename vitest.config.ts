import { defineConfig } from 'vitest/config';

// Lambda runs Node 22; the SDK's Node-20 notice is noise here (global setup runs in this process).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One DynamoDB Local for the whole run; each test file makes its own table in it.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOG_REQUESTS: 'false' },
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
