package io.vigil.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The demo's public API is its command line: {@link Demo} is its only public type. */
@AnalyzeClasses(packages = "io.vigil.demo", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiTest {

  @ArchTest
  static final ArchRule onlyTheMainClassIsPublic =
      classes()
          .that()
          .arePublic()
          .should()
          .haveFullyQualifiedName(Demo.class.getName())
          .because("the demo is run, not imported");

  @ArchTest
  static void theMainClassIsPublicAndTheRestWasImported(JavaClasses classes) {
    assertThat(classes.get(Demo.class.getName()).getModifiers()).contains(JavaModifier.PUBLIC);
    assertThat(classes.stream().filter(c -> c.getPackageName().equals("io.vigil.demo")))
        .hasSizeGreaterThan(15);
  }
}
