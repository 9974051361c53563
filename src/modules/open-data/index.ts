// What other modules may use of the open-data module.
export { bundleFiles, datasetsOf } from './bundle.ts'
export { openDataModule } from './module.tsx'
