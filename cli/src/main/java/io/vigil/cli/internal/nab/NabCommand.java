package io.vigil.cli.internal.nab;

import picocli.CommandLine.Command;

/** {@code vigil nab}: run and score detectors on the Numenta Anomaly Benchmark. */
@Command(
    name = "nab",
    mixinStandardHelpOptions = true,
    description = "Run and score detectors on a corpus in NAB's layout.",
    subcommands = {NabRunCommand.class, NabScoreCommand.class})
public final class NabCommand {}
