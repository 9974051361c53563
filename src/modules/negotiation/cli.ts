// `ecp parse FILE`: what the importer recognises in a text (.docx, .md or .txt), as JSON.
import { readFile } from 'node:fs/promises'
import { fileTypeFromBuffer } from 'file-type'
import mammoth from 'mammoth'
import type { CliCommand } from '../../core/module.ts'
import { parseUnText } from './rules/parse.ts'

export const parseCommand: CliCommand = {
  name: 'parse',
  usage: 'ecp parse FILE',
  description: 'Prints as JSON the title and paragraphs recognised in a UN-style text (.docx, .md, .txt)',
  async run(args, ctx) {
    const file = args[0]
    if (!file) {
      ctx.log.error('usage: ecp parse FILE')
      return 2
    }
    let bytes: Buffer
    try {
      bytes = await readFile(file)
    } catch {
      ctx.log.error(`cannot read ${file}`)
      return 1
    }
    const type = await fileTypeFromBuffer(bytes)
    const text = type?.ext === 'docx' ? (await mammoth.extractRawText({ buffer: bytes })).value : bytes.toString('utf8')
    ctx.out(JSON.stringify(parseUnText(text), null, 2))
    return 0
  },
}
