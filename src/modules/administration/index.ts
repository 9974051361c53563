export { administrationModule } from './module.ts'
