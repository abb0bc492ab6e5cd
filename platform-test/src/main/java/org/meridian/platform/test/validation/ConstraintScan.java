package org.meridian.platform.test.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every Bean Validation constraint a service's compiled classes use, with where: on classes, fields, record
 * components, methods, parameters and type arguments ({@code List<@NotBlank String>}). A constraint is an
 * annotation whose type is annotated {@code @jakarta.validation.Constraint}.
 */
public final class ConstraintScan {

    private ConstraintScan() {}

    /** Constraint annotation type to one place using it, for every class under {@code rootPackage}. */
    public static Map<Class<? extends Annotation>, String> constraintsUsedUnder(String rootPackage) {
        Map<Class<? extends Annotation>, String> used =
                new TreeMap<>((a, b) -> a.getName().compareTo(b.getName()));
        for (Class<?> type : classesUnder(rootPackage)) {
            collect(type, type.getName(), used);
            for (var field : type.getDeclaredFields()) {
                collect(field, type.getName() + "." + field.getName(), used);
                collectTypeUse(field.getAnnotatedType(), type.getName() + "." + field.getName(), used);
            }
            List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
            executables.addAll(List.of(type.getDeclaredConstructors()));
            for (Executable executable : executables) {
                String where = type.getName() + "." + executable.getName();
                collect(executable, where, used);
                for (Parameter parameter : executable.getParameters()) {
                    collect(parameter, where + "(" + parameter.getName() + ")", used);
                    collectTypeUse(parameter.getAnnotatedType(), where + "(" + parameter.getName() + ")", used);
                }
            }
        }
        return used;
    }

    private static void collect(AnnotatedElement element, String where, Map<Class<? extends Annotation>, String> used) {
        for (Annotation annotation : element.getAnnotations()) {
            if (isConstraint(annotation.annotationType())) {
                used.putIfAbsent(annotation.annotationType(), where);
            }
            // @Size.List and the like hold repeated constraints
            repeated(annotation).forEach(inner -> used.putIfAbsent(inner.annotationType(), where));
        }
    }

    private static void collectTypeUse(
            AnnotatedType type, String where, Map<Class<? extends Annotation>, String> used) {
        collect(type, where, used);
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                collectTypeUse(argument, where, used);
            }
        } else if (type instanceof AnnotatedArrayType array) {
            collectTypeUse(array.getAnnotatedGenericComponentType(), where, used);
        }
    }

    private static Stream<Annotation> repeated(Annotation container) {
        try {
            var value = container.annotationType().getDeclaredMethod("value");
            if (value.getReturnType().isArray()
                    && value.getReturnType().getComponentType().isAnnotation()
                    && isConstraint(value.getReturnType().getComponentType())) {
                value.setAccessible(true);
                return Stream.of((Annotation[]) value.invoke(container));
            }
        } catch (ReflectiveOperationException | RuntimeException notAContainer) {
            // not a container of constraints
        }
        return Stream.empty();
    }

    private static boolean isConstraint(Class<?> annotationType) {
        return Stream.of(annotationType.getAnnotations())
                .anyMatch(meta -> meta.annotationType().getName().equals("jakarta.validation.Constraint"));
    }

    private static List<Class<?>> classesUnder(String rootPackage) {
        String directory = rootPackage.replace('.', '/');
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        try {
            for (URL root : Collections.list(loader.getResources(directory))) {
                if (!"file".equals(root.getProtocol())) {
                    continue;
                }
                Path base = Path.of(root.toURI());
                try (Stream<Path> files = Files.walk(base)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".class"))
                            .toList()) {
                        String relative = base.relativize(file).toString().replace('/', '.');
                        String name = rootPackage + "." + relative.substring(0, relative.length() - ".class".length());
                        classes.add(Class.forName(name, false, loader));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }
}
