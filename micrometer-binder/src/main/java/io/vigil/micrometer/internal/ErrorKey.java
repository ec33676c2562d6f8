package io.vigil.micrometer.internal;

/** A meter name and a service: the unit whose error ratio is watched. */
record ErrorKey(String name, String service) {}
