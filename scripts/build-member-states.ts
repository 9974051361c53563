// Regenerates src/modules/actors/reference/member-states.json from reference/sources.
import { writeFileSync } from 'node:fs'
import { buildMemberStates, OUTPUT_FILE, SOURCES_DIR } from '../src/modules/actors/reference/build-member-states.ts'

const file = buildMemberStates(SOURCES_DIR)
writeFileSync(OUTPUT_FILE, `${JSON.stringify(file, null, 1)}\n`)
console.log(`wrote ${file.memberStates.length} States to ${OUTPUT_FILE}`)
