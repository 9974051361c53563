// What other modules may use of the capacity module (never its tables).
export { capacityModule } from './module.ts'
