// Turning shoots into client galleries and following them afterwards (issue 5 points 3 and 6).
export { galleryIdOfTopic, galleryTopic } from './gallery-requests';
export { makeProof, type Proof } from './make-proof';
export { createPublishingService, type PublishingOptions, type PublishingService } from './publishing-service';
export { type AnswerEvents, createServerAnswers } from './server-answers';
