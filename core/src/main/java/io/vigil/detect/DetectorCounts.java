package io.vigil.detect;

/**
 * What a detector did with the points it was given.
 *
 * @param accepted points scored or learned from
 * @param invalid NaN or infinite values skipped
 * @param outOfOrder points earlier than the last accepted one, skipped
 */
public record DetectorCounts(long accepted, long invalid, long outOfOrder) {}
