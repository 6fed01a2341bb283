// Starts the reference PDS (@atproto/pds) from its PDS_* environment, for tests/core/platforms/test_bluesky_pds.py.
// Prints "PDS_READY" once it listens; stops cleanly on SIGTERM.
const { PDS, envToCfg, envToSecrets, readEnv } = require('@atproto/pds')

async function main() {
  const env = readEnv()
  const pds = await PDS.create(envToCfg(env), envToSecrets(env))
  await pds.start()
  console.log('PDS_READY')
  const stop = async () => {
    await pds.destroy()
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
