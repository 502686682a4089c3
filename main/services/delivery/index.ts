// Delivery of edited files by drag and drop (issue 6 point 5).
export { createDeliveryService, type DeliveryPlan, type DeliveryService, deliveryTopic } from './delivery-service';
export { type MadeFile, makeDeliveryFiles, WEB_LONG_EDGE } from './make-delivery-files';
export { type DroppedFile, scanDrop } from './scan-drop';
