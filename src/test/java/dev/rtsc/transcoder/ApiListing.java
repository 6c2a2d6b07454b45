package dev.rtsc.transcoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A text listing of a library's API, made by reflection over compiled classes: every public type
 * (nested ones included) and its public and protected fields, constructors, methods and enum
 * constants, one per line, sorted, with {@code java.lang.} left off. Committed listings under
 * {@code api/} are compared with it by {@link PublicApiTest}, so an API change shows up as a diff.
 */
final class ApiListing {
  private ApiListing() {}

  /** The listing of the classes under {@code classes} whose package passes {@code packages}. */
  static List<String> of(Path classes, Predicate<String> packages) {
    List<Class<?>> types;
    try (Stream<Path> files = Files.walk(classes)) {
      types =
          files
              .map(f -> classes.relativize(f).toString())
              .filter(f -> f.endsWith(".class") && !f.equals("module-info.class"))
              .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
              .filter(name -> packages.test(name.substring(0, name.lastIndexOf('.'))))
              .map(ApiListing::load)
              .filter(ApiListing::isExported)
              .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    types.sort((a, b) -> name(a).compareTo(name(b)));

    List<String> lines = new ArrayList<>();
    for (Class<?> type : types) {
      lines.add(header(type));
      // Sorted by kind, then name, then the whole line: overloads stay together.
      Map<String, String> members = new TreeMap<>();
      for (Field field : type.getDeclaredFields()) {
        if (visible(field.getModifiers()) && !field.isSynthetic()) {
          String line = field(field);
          members.put((field.isEnumConstant() ? "1 " : "2 ") + field.getName() + " " + line, line);
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (visible(constructor.getModifiers()) && !constructor.isSynthetic()) {
          String line = "constructor " + executable(constructor, null);
          members.put("3 " + line, line);
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (visible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
          String line = "method " + executable(method, method.getGenericReturnType());
          members.put("4 " + method.getName() + " " + line, line);
        }
      }
      members.values().forEach(m -> lines.add("  " + m));
    }
    return lines;
  }

  /**
   * The lines that differ between two listings, in the style of a unified diff, each member under
   * the type it belongs to: {@code -} for a line only in {@code before} (removed or changed:
   * breaking for callers), {@code +} for one only in {@code after}. Empty when they are equal.
   */
  static String diff(List<String> before, List<String> after) {
    int[][] common = new int[before.size() + 1][after.size() + 1];
    for (int i = before.size() - 1; i >= 0; i--) {
      for (int j = after.size() - 1; j >= 0; j--) {
        common[i][j] =
            before.get(i).equals(after.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    StringBuilder out = new StringBuilder();
    String typeBefore = "";
    String typeAfter = "";
    String printedType = null;
    int i = 0;
    int j = 0;
    while (i < before.size() || j < after.size()) {
      String line;
      char sign;
      if (i < before.size() && j < after.size() && before.get(i).equals(after.get(j))) {
        typeBefore = isType(before.get(i)) ? before.get(i) : typeBefore;
        typeAfter = isType(after.get(j)) ? after.get(j) : typeAfter;
        i++;
        j++;
        continue;
      }
      if (i < before.size() && (j == after.size() || common[i + 1][j] >= common[i][j + 1])) {
        line = before.get(i++);
        typeBefore = isType(line) ? line : typeBefore;
        sign = '-';
      } else {
        line = after.get(j++);
        typeAfter = isType(line) ? line : typeAfter;
        sign = '+';
      }
      if (isType(line)) {
        printedType = line;
      } else {
        String type = sign == '+' ? typeAfter : typeBefore;
        if (!type.equals(printedType)) {
          out.append(' ').append(type).append('\n');
          printedType = type;
        }
      }
      out.append(sign).append(line).append('\n');
    }
    return out.toString();
  }

  private static boolean isType(String line) {
    return !line.startsWith(" ");
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ApiListing.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Public or protected, and so are all the types it is nested in; not anonymous or local. */
  private static boolean isExported(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!visible(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
        return false;
      }
    }
    return !type.isSynthetic();
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String header(Class<?> type) {
    int modifiers = type.getModifiers();
    String kind;
    if (type.isAnnotation()) {
      kind = "@interface";
      modifiers &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
    } else if (type.isInterface()) {
      kind = "interface";
      modifiers &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
    } else if (type.isEnum()) {
      kind = "enum";
      modifiers &= ~Modifier.ABSTRACT; // an enum whose constants have bodies
    } else {
      kind = "class";
    }
    StringBuilder line = new StringBuilder();
    line.append(deprecated(type.isAnnotationPresent(Deprecated.class)))
        .append(Modifier.toString(modifiers & ~Modifier.STRICT))
        .append(' ')
        .append(kind)
        .append(' ')
        .append(name(type))
        .append(typeParameters(type.getTypeParameters()));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum()) {
      line.append(" extends ").append(typeName(superclass));
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0) {
      line.append(type.isInterface() ? " extends " : " implements ")
          .append(
              Arrays.stream(interfaces)
                  .map(ApiListing::typeName)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static String field(Field field) {
    if (field.isEnumConstant()) {
      return "enum constant " + field.getName();
    }
    String line =
        "field "
            + deprecated(field.isAnnotationPresent(Deprecated.class))
            + Modifier.toString(field.getModifiers() & ~Modifier.TRANSIENT & ~Modifier.VOLATILE)
            + " "
            + typeName(field.getGenericType())
            + " "
            + field.getName();
    int constant = Modifier.STATIC | Modifier.FINAL;
    if ((field.getModifiers() & constant) == constant
        && (field.getType().isPrimitive() || field.getType() == String.class)) {
      // Compile-time constants are copied into callers' code: their value is part of the API.
      try {
        field.setAccessible(true);
        Object value = field.get(null);
        line += " = " + (value instanceof String ? '"' + (String) value + '"' : value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException(field.toString(), e);
      }
    }
    return line;
  }

  private static String executable(Executable executable, Type returnType) {
    int mask =
        Modifier.PUBLIC
            | Modifier.PROTECTED
            | Modifier.STATIC
            | Modifier.FINAL
            | Modifier.ABSTRACT
            | Modifier.NATIVE;
    if (executable.getDeclaringClass().isInterface()) {
      mask &= ~Modifier.ABSTRACT; // implied
    }
    StringBuilder line = new StringBuilder();
    line.append(deprecated(executable.isAnnotationPresent(Deprecated.class)));
    String modifiers = Modifier.toString(executable.getModifiers() & mask);
    line.append(modifiers);
    if (executable instanceof Method method && method.isDefault()) {
      line.append(" default");
    }
    String typeParameters = typeParameters(executable.getTypeParameters());
    if (!typeParameters.isEmpty()) {
      line.append(' ').append(typeParameters);
    }
    if (returnType != null) {
      line.append(' ').append(typeName(returnType));
    }
    line.append(' ')
        .append(returnType == null ? name(executable.getDeclaringClass()) : executable.getName());
    Type[] parameters = executable.getGenericParameterTypes();
    if (parameters.length != executable.getParameterCount()) {
      // Inner-class constructors and enum constructors may hide synthetic parameters.
      parameters = executable.getParameterTypes();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      String name = typeName(parameters[i]);
      if (executable.isVarArgs() && i == parameters.length - 1) {
        name = name.substring(0, name.length() - 2) + "...";
      }
      names.add(name);
    }
    line.append('(').append(String.join(", ", names)).append(')');
    Type[] exceptions = executable.getGenericExceptionTypes();
    if (exceptions.length > 0) {
      line.append(" throws ")
          .append(
              Arrays.stream(exceptions)
                  .map(ApiListing::typeName)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    return line.toString().trim();
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables)
        .map(
            v -> {
              List<String> bounds =
                  Arrays.stream(v.getBounds())
                      .filter(b -> b != Object.class)
                      .map(ApiListing::typeName)
                      .collect(Collectors.toList());
              return bounds.isEmpty()
                  ? v.getName()
                  : v.getName() + " extends " + String.join(" & ", bounds);
            })
        .collect(Collectors.joining(", ", "<", ">"));
  }

  private static String deprecated(boolean deprecated) {
    return deprecated ? "@Deprecated " : "";
  }

  private static String name(Class<?> type) {
    return typeName(type);
  }

  private static String typeName(Type type) {
    String name = type.getTypeName().replace('$', '.');
    // java.lang.String -> String, but keep java.lang.reflect.Type and friends.
    return name.replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "");
  }
}
