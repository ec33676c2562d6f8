package io.vigil.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The CLI's public API line: {@link VigilCommand} is its only public type; everything else lives
 * under {@code io.vigil.cli.internal}.
 */
@AnalyzeClasses(packages = "io.vigil.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiTest {

  /** The module's public types; add one here only on purpose, with its javadoc. */
  static final List<String> PUBLIC_TYPES = List.of("io.vigil.cli.VigilCommand");

  @ArchTest
  static final ArchRule onlyTheListedTypesArePublicOutsideInternal =
      classes()
          .that()
          .resideOutsideOfPackage("io.vigil.cli.internal..")
          .and()
          .arePublic()
          .should()
          .haveFullyQualifiedName(PUBLIC_TYPES.get(0))
          .because("the CLI's API is the command line; its code is in io.vigil.cli.internal");

  @ArchTest
  static void everyListedTypeExistsAndIsPublic(JavaClasses classes) {
    // Guards the rule above against passing vacuously on an empty or stale import.
    for (String name : PUBLIC_TYPES) {
      JavaClass type = classes.get(name);
      assertThat(type.getModifiers()).contains(JavaModifier.PUBLIC);
    }
    assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("io.vigil.cli.internal")))
        .hasSizeGreaterThan(40);
  }
}
