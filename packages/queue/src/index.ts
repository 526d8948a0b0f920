export { type CellJob, cellJobSchema, type DeadCell, type TakenCell } from './cell-job';
export {
  type CellDeliveryOptions,
  type CellJobStates,
  CellQueue,
  type CellQueueOptions,
  cellQueueName,
  deadCellQueueName,
} from './cell-queue';
export { InvalidCellJobError, QueueConnectionError } from './queue-error';
export { parseQueueLocation, type QueueLocation } from './queue-location';
