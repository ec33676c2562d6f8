package io.vigil.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** No public method of {@code io.vigil.live} takes or returns a type of its internal package. */
class InternalTypesStayInsideTest {

  @Test
  void theInternalPackageIsNotExposedBySignatures() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vigil.live");
    for (JavaClass c : classes) {
      if (!c.getPackageName().equals("io.vigil.live")
          || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
        continue;
      }
      c.getMethods().stream()
          .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
          .forEach(
              m -> {
                assertThat(m.getRawReturnType().getPackageName())
                    .as(m.getFullName())
                    .isNotEqualTo("io.vigil.live.internal");
                m.getRawParameterTypes()
                    .forEach(
                        p ->
                            assertThat(p.getPackageName())
                                .as(m.getFullName())
                                .isNotEqualTo("io.vigil.live.internal"));
              });
    }
  }
}
