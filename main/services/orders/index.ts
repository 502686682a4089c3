// The studio's order desk: orders from the change feed, studio actions through the outbox.
export { type ClientSelection, clientSelection } from './client-selection';
export { createExportRunner, type ExportRunner, type RunExportInput } from './export-runner';
export { type OrderData, readOrder } from './order-data';
export { orderTopic } from './order-requests';
export { createOrdersService, type OrdersService } from './orders-service';
export { createStudioSettings, STUDIO_SETTINGS_TOPIC, type StudioSettingsView } from './studio-settings';
