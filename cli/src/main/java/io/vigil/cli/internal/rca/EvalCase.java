package io.vigil.cli.internal.rca;

import io.vigil.rca.Incident;

/**
 * One labelled fault of a dataset.
 *
 * @param id where the case comes from, for messages
 * @param faultType the kind of fault injected, such as {@code cpu}
 * @param rootCause the service the fault was injected into
 * @param incident what a ranker sees
 */
record EvalCase(String id, String faultType, String rootCause, Incident incident) {}
