package io.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Core's public API, per package: what a user may import. A new public type, or one made
 * package-private, fails this test until the list below says so. Nested public types are named
 * {@code Outer$Inner}. Packages named {@code internal} are not API and not listed.
 */
class PublicApiTest {

  /** The public types of each API package; extend a package's list, or add a package, here. */
  static final Map<String, List<String>> PUBLIC_TYPES =
      Map.of(
          "io.vigil.detect",
          List.of(
              "AnomalyDetector",
              "DefaultDetector",
              "DetectorCatalog",
              "DetectorCounts",
              "DetectorSettings",
              "DetectorType",
              "EwmaDetector",
              "EwmaDetector$Settings",
              "IsolationForestDetector",
              "LeanDetector",
              "LeanDetector$Settings",
              "MahalanobisDetector",
              "MultivariateDetector",
              "RollingZScoreDetector",
              "RollingZScoreDetector$Settings",
              "SeasonalDetector",
              "SeasonalDetector$Method",
              "SeasonalDetector$Settings",
              "Severity",
              "StreamingDetector",
              "Verdict",
              "VerdictReason",
              "WindowTrainedDetector",
              "WindowedGaussianDetector",
              "WindowedGaussianDetector$Settings"),
          "io.vigil.rca",
          List.of(
              "AlertCascade",
              "Anomaly",
              "AnomalyGroup",
              "CallGraph",
              "EdgeStats",
              "EdgeStats$Snapshot",
              "EventImpact",
              "GraphRootCauseRanker",
              "Incident",
              "IncidentGrouper",
              "MaxSignalRanker",
              "MetricSeries",
              "PropagationPaths",
              "RankedCause",
              "RankerSettings",
              "RankerSettings$Builder",
              "RootCauseRanker",
              "SeriesCorrelation",
              "SignalEvidence"),
          "io.vigil.live",
          List.of(
              "AnalyzerCounts",
              "EventEvidence",
              "IncidentReport",
              "IncidentReportListener",
              "LiveIncidentAnalyzer",
              "LiveIncidentAnalyzerBuilder",
              "MarkedEvent",
              "ReportedCause",
              "ReportedEdge",
              "SignalBand",
              "SignalListener",
              "SymptomCorrelation"));

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.vigil");

  @Test
  void eachPackageExposesExactlyItsListedTypes() {
    Map<String, Set<String>> actual =
        CORE.stream()
            .filter(PublicApiTest::isPublicApi)
            .collect(
                Collectors.groupingBy(
                    JavaClass::getPackageName,
                    Collectors.mapping(
                        PublicApiTest::localName, Collectors.toCollection(TreeSet::new))));
    Map<String, Set<String>> expected =
        PUBLIC_TYPES.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> new TreeSet<>(e.getValue())));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void internalPackagesAreNotListed() {
    assertThat(PUBLIC_TYPES.keySet()).noneMatch(p -> p.contains(".internal"));
  }

  /** Public, and reachable: a public top-level type, or a public type nested in one. */
  private static boolean isPublicApi(JavaClass type) {
    if (type.getPackageName().contains(".internal") || type.isAnonymousClass()) {
      return false;
    }
    for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
      if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return !type.getSimpleName().equals("package-info");
  }

  private static String localName(JavaClass type) {
    return type.getName().substring(type.getPackageName().length() + 1);
  }
}
