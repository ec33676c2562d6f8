package io.vigil.otel;

/**
 * What a {@link VigilSpanExporter} learned and what its bounds refused, since it was built.
 *
 * @param spansLearned spans taken through learning
 * @param edgeCalls calls recorded on edges (paired, database, or expired to a virtual node)
 * @param expiredClientSpans client or producer spans whose server side never came, learned as calls
 *     to a virtual node (or, with no peer attribute, only counted)
 * @param expiredServerSpans server or consumer spans whose client side never came
 * @param pendingSpans spans waiting for their other side now
 * @param droppedQueueSpans spans not learned because the learning queue was full
 * @param droppedPendingSpans spans not paired because the pending store was full
 * @param droppedServices services not learned because of the services cap
 * @param droppedEdges edges not learned because of the edges cap
 * @param droppedOperations operations not learned because of the cap per service
 * @param stepsClosed steps whose signals were emitted
 * @param learningFailures batches skipped because learning failed unexpectedly
 */
public record LearningStats(
    long spansLearned,
    long edgeCalls,
    long expiredClientSpans,
    long expiredServerSpans,
    int pendingSpans,
    long droppedQueueSpans,
    long droppedPendingSpans,
    long droppedServices,
    long droppedEdges,
    long droppedOperations,
    long stepsClosed,
    long learningFailures) {}
