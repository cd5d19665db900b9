package dev.ecsdiag.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Stapler and structs bind form fields and Pipeline arguments to parameter names read by
 * reflection: without {@code -parameters} they would see arg0, arg1 and bind nothing.
 */
class DataBindingTest {

    /** Every name a form or a Pipeline may bind on the step: constructor parameters and setters. */
    static Set<String> properties() {
        return properties(EcsDiagnosticsRecorder.class);
    }

    static Set<String> properties(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                Arrays.stream(c.getParameters()).map(Parameter::getName).forEach(names::add);
            }
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Introspector.decapitalize(m.getName().substring(3)));
            }
        }
        return names;
    }

    @Test
    void theConstructorsParameterNamesAreCompiledIn() {
        Constructor<?> c = Arrays.stream(EcsDiagnosticsRecorder.class.getConstructors())
                .filter(k -> k.isAnnotationPresent(DataBoundConstructor.class)).findFirst().orElseThrow();

        assertThat(Arrays.stream(c.getParameters()).allMatch(Parameter::isNamePresent)).isTrue();
        assertThat(Arrays.stream(c.getParameters()).map(Parameter::getName)).containsExactly("region", "credentialsId");
    }

    @Test
    void everyBoundNameHasAGetterSoTheFormAndSnippetGeneratorShowIt() {
        for (Class<?> type : List.of(EcsDiagnosticsRecorder.class, EcsDiagnosticsConfiguration.class)) {
            for (String name : properties(type)) {
                assertThat(getter(type, name)).as(type.getSimpleName() + "." + name).isNotNull();
            }
        }
        assertThat(properties()).containsExactlyInAnyOrder("region", "credentialsId", "endpoint", "instanceIds", "tags",
                "tagLines", "fleetFile", "when", "failOn", "timeout", "deadline");
        assertThat(properties(EcsDiagnosticsConfiguration.class)).containsExactlyInAnyOrder("region", "endpoint", "credentialsId");
    }

    static Method getter(Class<?> type, String name) {
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String prefix : List.of("get", "is")) {
            try {
                return type.getMethod(prefix + cap);
            } catch (NoSuchMethodException e) {
                // try the next prefix
            }
        }
        return null;
    }

    @Test
    void formMethodsArePostOnlyWithNamedParametersAndCheckTheItem() {
        List<Class<?>> owners = List.of(EcsDiagnosticsRecorder.DescriptorImpl.class, EcsDiagnosticsConfiguration.class);
        int seen = 0;
        for (Class<?> owner : owners) {
            for (Method m : owner.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || !m.getName().matches("do(Check|Fill|Test).*")) {
                    continue;
                }
                seen++;
                assertThat(m.isAnnotationPresent(POST.class)).as(m + " is POST-only").isTrue();
                for (Parameter p : m.getParameters()) {
                    assertThat(p.isNamePresent()).as(p + " of " + m).isTrue();
                    assertThat(p.isAnnotationPresent(QueryParameter.class) || p.isAnnotationPresent(AncestorInPath.class))
                            .as(p + " of " + m + " is bound").isTrue();
                }
                if (owner == EcsDiagnosticsRecorder.DescriptorImpl.class) {
                    assertThat(m.getParameters()[0].isAnnotationPresent(AncestorInPath.class))
                            .as(m + " takes the job, to check Item.CONFIGURE on it").isTrue();
                }
            }
        }
        assertThat(seen).isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyCheckAndFillNamesABoundField() {
        for (Class<?> owner : List.of(EcsDiagnosticsRecorder.DescriptorImpl.class, EcsDiagnosticsConfiguration.class)) {
            Class<?> described = owner == EcsDiagnosticsConfiguration.class ? owner : EcsDiagnosticsRecorder.class;
            for (Method m : owner.getDeclaredMethods()) {
                String n = m.getName();
                String field = n.startsWith("doCheck") ? n.substring(7) : n.startsWith("doFill") && n.endsWith("Items")
                        ? n.substring(6, n.length() - 5) : null;
                if (field != null) {
                    assertThat(properties(described)).as(m.toString()).contains(Introspector.decapitalize(field));
                }
            }
        }
    }

    @Test
    void testConnectionReadsTheFieldsTheButtonSends() throws Exception {
        Method m = Arrays.stream(EcsDiagnosticsRecorder.DescriptorImpl.class.getMethods())
                .filter(x -> x.getName().equals("doTestConnection")).findFirst().orElseThrow();
        List<String> sent = List.of(ViewsTest.validateButtonWith().split(","));
        List<String> read = Arrays.stream(m.getParameters()).filter(p -> p.isAnnotationPresent(QueryParameter.class))
                .map(Parameter::getName).toList();
        assertThat(read).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(properties()).containsAll(sent);
    }
}
