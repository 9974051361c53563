// What other modules may use of the scorecard module.
export { scorecardModule } from './module.ts'
export { platformScorecard, processScorecard } from './scorecard.ts'
