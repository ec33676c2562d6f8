package io.vigil.cli.internal.nab;

/**
 * One file's raw NAB score at a profile's threshold, with NAB's row counts.
 *
 * @param key the file, such as {@code realKnownCause/nyc_taxi.csv}
 * @param score the raw score: window rewards and misses plus false-positive costs
 * @param tp detected rows inside windows
 * @param fp detected rows outside windows
 * @param fn undetected rows inside windows
 * @param tn undetected rows outside windows
 */
public record FileScore(String key, double score, long tp, long fp, long fn, long tn) {}
