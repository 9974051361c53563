// The baseline: a bare Node http server answering every request with the same bytes and headers
// that ecp sent for a page. Run as a child process: node bare-server.mjs BODYFILE HEADERSJSON
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const body = readFileSync(process.argv[2])
const headers = JSON.parse(process.argv[3])
const server = createServer((_req, res) => {
  res.writeHead(200, { ...headers, 'content-length': body.length })
  res.end(body)
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`))
