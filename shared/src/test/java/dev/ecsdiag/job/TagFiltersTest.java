package dev.ecsdiag.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.Setting;
import org.junit.jupiter.api.Test;

class TagFiltersTest {

    @Test
    void pairsInOrderWithValuesThatMayHoldEquals() {
        assertThat(TagFilters.parse(" ci-build=42, team = kernel ,expr=a=b,"))
                .containsExactly(java.util.Map.entry("ci-build", "42"), java.util.Map.entry("team", "kernel"),
                        java.util.Map.entry("expr", "a=b"));
    }

    @Test
    void nothingForNullOrBlank() {
        assertThat(TagFilters.parse(null)).isEmpty();
        assertThat(TagFilters.parse(" ")).isEmpty();
    }

    @Test
    void aPairWithoutKeyOrEqualsIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> TagFilters.parse("ci-build=42,kernel"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InvalidRequestException.Kind.USAGE);
                    assertThat(e.setting()).contains(Setting.TAGS);
                    assertThat(e.getMessage()).contains("'kernel'");
                });
        assertThatThrownBy(() -> TagFilters.parse("=42")).isInstanceOf(InvalidRequestException.class);
    }
}
