package community.recommender.engine.rules.sandbox;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks every class compiled from a rule set against the {@link Allowlist} before any of it is loaded.
 *
 * <p>Besides the members it calls, rule code may not hold monitors, jump backwards (loop), call
 * itself directly or through other rule code (recurse), catch exceptions, write static fields
 * outside its own class initializer, allocate arrays of a size it computes, or bootstrap
 * {@code invokedynamic} calls other than string concatenation and its own lambdas. Together these
 * bound what one consequence can do by the size of its source.
 */
public final class BytecodeVerifier {
  private static final int MAX_ARRAY = 1024;
  private static final String LOOP_HINT = "while|for|do|until|loop";
  private static final Set<String> IMPLEMENTABLE = Set.of(
      "java/io/Serializable", "java/lang/Comparable", "org/drools/model/Model", "org/drools/model/DomainClassMetadata",
      "org/drools/base/factmodel/GeneratedFact", "org/drools/base/factmodel/AccessibleFact",
      "org/drools/modelcompiler/CanonicalKieModuleModel");
  private static final String FUNCTIONS = "org/drools/model/functions/";
  private static final String MODEL = "community/recommender/engine/model/";

  private final Allowlist allowlist;
  private final ClassLoader loader;
  private final Map<String, Optional<String>> resolved = new HashMap<>();

  public BytecodeVerifier(Allowlist allowlist, ClassLoader loader) {
    this.allowlist = allowlist;
    this.loader = loader;
  }

  /** Verifies {@code classes} (internal name to class file) as one unit; rule code may call within it. */
  public Report verify(Map<String, byte[]> classes) {
    Map<String, Header> headers = new LinkedHashMap<>();
    classes.forEach((name, bytes) -> headers.put(name, Header.read(bytes)));
    Unit unit = new Unit(headers);
    classes.forEach((name, bytes) -> unit.check(name, bytes));
    unit.findRecursion();
    return new Report(List.copyOf(unit.violations), Map.copyOf(unit.referrers));
  }

  /**
   * What verification found.
   *
   * @param violations everything refused; empty when the rules may be loaded
   * @param referrers for each generated class, the first {@code class#method} that refers to it
   */
  public record Report(List<Violation> violations, Map<String, String> referrers) {}

  /** The outline of one generated class: what it extends and which methods it declares. */
  private record Header(String superName, List<String> interfaces, Set<String> methods, Set<String> fields) {
    static Header read(byte[] bytes) {
      Set<String> methods = new HashSet<>();
      Set<String> fields = new HashSet<>();
      String[] sup = new String[1];
      List<String> interfaces = new ArrayList<>();
      new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] itfs) {
          sup[0] = superName;
          if (itfs != null) {
            interfaces.addAll(List.of(itfs));
          }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
          methods.add(name + desc);
          return null;
        }

        @Override
        public org.objectweb.asm.FieldVisitor visitField(int access, String name, String desc, String sig, Object value) {
          fields.add(name);
          return null;
        }
      }, ClassReader.SKIP_CODE);
      return new Header(sup[0], List.copyOf(interfaces), methods, fields);
    }
  }

  /** The state of one verification: the classes, the calls between them, and what was refused. */
  private final class Unit {
    private final Map<String, Header> headers;
    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, Set<String>> calls = new HashMap<>();
    private final Map<String, String> referrers = new HashMap<>();

    Unit(Map<String, Header> headers) {
      this.headers = headers;
    }

    void check(String className, byte[] bytes) {
      new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] itfs) {
          if (superName != null && !superName.equals("java/lang/Object") && !superName.equals("java/lang/Enum")
              && !headers.containsKey(superName) && !superName.startsWith(MODEL)) {
            refuse(className, "<class>", "extends " + dotted(superName) + ", which rules may not extend", simple(superName));
          }
          for (String itf : itfs == null ? new String[0] : itfs) {
            if (!IMPLEMENTABLE.contains(itf) && !itf.startsWith(FUNCTIONS) && !headers.containsKey(itf)) {
              refuse(className, "<class>", "implements " + dotted(itf) + ", which rules may not implement", simple(itf));
            }
          }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
          if ((access & Opcodes.ACC_NATIVE) != 0) {
            refuse(className, name, "declares a native method", name);
          }
          if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            refuse(className, name, "uses synchronized, which rules may not use", "synchronized");
          }
          if (name.equals("finalize") && desc.equals("()V")) {
            refuse(className, name, "declares finalize, which rules may not declare", "finalize");
          }
          return new CodeCheck(className, name, desc);
        }
      }, 0);
    }

    /** Checks one method's instructions. */
    private final class CodeCheck extends MethodVisitor {
      private final String className;
      private final String method;
      private final String self;
      private final Set<Label> seen = new HashSet<>();
      private Integer lastConstant;
      private boolean monitor;
      private boolean catches;

      CodeCheck(String className, String method, String desc) {
        super(Opcodes.ASM9);
        this.className = className;
        this.method = method;
        this.self = className + "#" + method + desc;
        calls.computeIfAbsent(self, k -> new LinkedHashSet<>());
      }

      @Override
      public void visitLabel(Label label) {
        seen.add(label);
      }

      @Override
      public void visitInsn(int opcode) {
        if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
          monitor = true;
          refuse(className, method, "uses synchronized, which rules may not use", "synchronized");
        }
        if (opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5) {
          lastConstant = opcode - Opcodes.ICONST_0;
        } else if (opcode == Opcodes.ARRAYLENGTH) {
          // A copy of an array the code already has (an enum's values()) is as bounded as that array.
          lastConstant = 0;
        } else if (opcode != Opcodes.DUP) {
          lastConstant = null;
        }
      }

      @Override
      public void visitIntInsn(int opcode, int operand) {
        if (opcode == Opcodes.NEWARRAY) {
          checkArraySize();
        }
        lastConstant = opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH ? operand : null;
      }

      @Override
      public void visitVarInsn(int opcode, int varIndex) {
        if (opcode != Opcodes.ISTORE) {
          lastConstant = null;
        }
      }

      @Override
      public void visitIincInsn(int varIndex, int increment) {
        lastConstant = null;
      }

      @Override
      public void visitTypeInsn(int opcode, String type) {
        if (opcode == Opcodes.ANEWARRAY) {
          checkArraySize();
        }
        if (headers.containsKey(type)) {
          refer(type);
        }
        lastConstant = null;
      }

      @Override
      public void visitLdcInsn(Object value) {
        lastConstant = value instanceof Integer i ? i : null;
        if (value instanceof Type type && type.getSort() == Type.OBJECT) {
          String name = type.getInternalName();
          if (headers.containsKey(name)) {
            refer(name);
          } else if (!allowlist.knows(name) && !name.startsWith(MODEL)) {
            refuse(className, method, "refers to the class " + dotted(name) + ", which rules may not use", simple(name));
          }
        } else if (value instanceof Type || value instanceof Handle || value instanceof ConstantDynamic) {
          refuse(className, method, "uses a method handle or dynamic constant, which rules may not use", "::");
        }
      }

      @Override
      public void visitJumpInsn(int opcode, Label label) {
        if (opcode == Opcodes.JSR || seen.contains(label)) {
          refuse(className, method, "loops, and rules may not loop: match facts instead", LOOP_HINT);
        }
        lastConstant = null;
      }

      @Override
      public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        checkForward(dflt, labels);
      }

      @Override
      public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        checkForward(dflt, labels);
      }

      private void checkForward(Label dflt, Label[] labels) {
        boolean back = seen.contains(dflt);
        for (Label label : labels) {
          back |= seen.contains(label);
        }
        if (back) {
          refuse(className, method, "loops, and rules may not loop: match facts instead", LOOP_HINT);
        }
        lastConstant = null;
      }

      @Override
      public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        catches = true;
      }

      @Override
      public void visitEnd() {
        // A synchronized block compiles to a handler that releases the monitor: one mistake, reported once.
        if (catches && !monitor) {
          refuse(className, method, "catches exceptions, which rules may not do", "try|catch|finally");
        }
      }

      @Override
      public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        refuse(className, method, "creates a multi-dimensional array, which rules may not do", "new");
      }

      @Override
      public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        lastConstant = null;
        if (headers.containsKey(owner)) {
          refer(owner);
          if (opcode == Opcodes.PUTSTATIC && !(owner.equals(className) && method.equals("<clinit>"))) {
            refuse(className, method, "writes the static field " + name + ", which rules may not do", name);
          }
          return;
        }
        if (opcode == Opcodes.PUTSTATIC || opcode == Opcodes.PUTFIELD) {
          refuse(className, method, "writes the field " + dotted(owner) + "." + name + ", which rules may not do", name);
        } else if (!fieldAllowed(owner, name)) {
          refuse(className, method, "reads " + dotted(owner) + "." + name + ", which rules may not use", name);
        }
      }

      @Override
      public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        lastConstant = null;
        call(owner, name, descriptor);
      }

      @Override
      public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
        lastConstant = null;
        String bsm = bootstrap.getOwner() + "#" + bootstrap.getName();
        if (bsm.equals("java/lang/invoke/StringConcatFactory#makeConcatWithConstants")
            || bsm.equals("java/lang/invoke/StringConcatFactory#makeConcat")) {
          return;
        }
        if ((bsm.equals("java/lang/invoke/LambdaMetafactory#metafactory")
            || bsm.equals("java/lang/invoke/LambdaMetafactory#altMetafactory"))
            && args.length >= 2 && args[1] instanceof Handle impl) {
          call(impl.getOwner(), impl.getName(), impl.getDesc());
          return;
        }
        refuse(className, method, "uses invokedynamic through " + dotted(bootstrap.getOwner()) + ", which rules may not use", name);
      }

      private void call(String owner, String name, String descriptor) {
        if (owner.startsWith("[")) {
          if (!name.equals("clone")) {
            refuse(className, method, "calls " + name + " on an array, which rules may not do", name);
          }
          return;
        }
        String generated = generatedTarget(owner, name + descriptor);
        if (generated != null) {
          refer(owner);
          calls.get(self).add(generated);
          return;
        }
        String target = nonGeneratedOwner(owner);
        Optional<String> problem = resolved.computeIfAbsent(target + "#" + name + descriptor,
            k -> methodProblem(target, name, descriptor));
        problem.ifPresent(p -> refuse(className, method, p, name.equals("<init>") ? simple(target) : name));
      }

      private void refer(String generatedClass) {
        if (!generatedClass.equals(className)) {
          referrers.putIfAbsent(generatedClass, className + "#" + method);
        }
      }

      private void checkArraySize() {
        if (lastConstant == null || lastConstant < 0 || lastConstant > MAX_ARRAY) {
          refuse(className, method, "creates an array whose size is not a small constant, which rules may not do", "new");
        }
      }
    }

    /** The generated method a call lands on, as {@code class#nameDesc}, or null when it leaves the rule code. */
    private String generatedTarget(String owner, String method) {
      String current = owner;
      while (current != null && headers.containsKey(current)) {
        Header header = headers.get(current);
        if (header.methods().contains(method)) {
          return current + "#" + method;
        }
        current = header.superName();
      }
      return null;
    }

    /** The first class above {@code owner} that was not generated from the rules. */
    private String nonGeneratedOwner(String owner) {
      String current = owner;
      while (headers.containsKey(current)) {
        current = headers.get(current).superName();
      }
      return current;
    }

    void findRecursion() {
      Map<String, Integer> state = new HashMap<>();
      for (String start : calls.keySet()) {
        if (state.containsKey(start)) {
          continue;
        }
        Deque<String> path = new ArrayDeque<>();
        Deque<java.util.Iterator<String>> next = new ArrayDeque<>();
        state.put(start, 1);
        path.push(start);
        next.push(calls.get(start).iterator());
        while (!path.isEmpty()) {
          java.util.Iterator<String> it = next.peek();
          if (it.hasNext()) {
            String callee = it.next();
            Integer s = state.get(callee);
            if (s == null) {
              state.put(callee, 1);
              path.push(callee);
              next.push(calls.getOrDefault(callee, Set.of()).iterator());
            } else if (s == 1) {
              String cls = callee.substring(0, callee.indexOf('#'));
              String name = callee.substring(callee.indexOf('#') + 1, callee.indexOf('('));
              refuse(cls, name, "calls itself (recursion), which rules may not do", name.startsWith("lambda$") ? "->" : name);
            }
          } else {
            state.put(path.pop(), 2);
            next.pop();
          }
        }
      }
    }

    private void refuse(String className, String method, String message, String hint) {
      Violation violation = new Violation(className, method, message, hint);
      if (!violations.contains(violation)) {
        violations.add(violation);
      }
    }
  }

  private boolean fieldAllowed(String owner, String name) {
    Class<?> type = load(owner);
    if (type == null) {
      return false;
    }
    Class<?> declaring = null;
    try {
      Field field = type.getField(name);
      declaring = field.getDeclaringClass();
    } catch (NoSuchFieldException e) {
      return false;
    }
    String declaringName = Type.getInternalName(declaring);
    return !allowlist.refuses(declaringName, name)
        && (allowlist.allows(declaringName, name, null) || allowlist.allows(owner, name, null));
  }

  /** Why calling {@code owner.name} is refused, or empty when the allowlist permits it. */
  private Optional<String> methodProblem(String owner, String name, String descriptor) {
    String refused = "calls " + dotted(owner) + "." + name + ", which rules may not use";
    if (name.equals("<init>")) {
      return allowlist.allows(owner, name, descriptor) ? Optional.empty() : Optional.of("creates " + dotted(owner)
          + (allowlist.knows(owner) ? " this way" : "") + ", which rules may not do");
    }
    Class<?> type = load(owner);
    if (type == null) {
      return Optional.of(refused);
    }
    List<Class<?>> declaring = declaringTypes(type, name, descriptor);
    if (declaring.isEmpty()) {
      return Optional.of(refused);
    }
    String first = Type.getInternalName(declaring.get(0));
    if (allowlist.refuses(first, name)) {
      return Optional.of(refused);
    }
    if (allowlist.allowsByName(owner, name, descriptor)) {
      return Optional.empty();
    }
    for (Class<?> candidate : declaring) {
      String internal = Type.getInternalName(candidate);
      if (!allowlist.refuses(internal, name) && allowlist.allows(internal, name, descriptor)) {
        return Optional.empty();
      }
    }
    return Optional.of(refused);
  }

  /** Every type from {@code type} up that declares the method, the one that wins first. */
  private static List<Class<?>> declaringTypes(Class<?> type, String name, String descriptor) {
    List<Class<?>> found = new ArrayList<>();
    Deque<Class<?>> queue = new ArrayDeque<>();
    Set<Class<?>> visited = new HashSet<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      queue.add(c);
    }
    while (!queue.isEmpty()) {
      Class<?> c = queue.poll();
      if (!visited.add(c)) {
        continue;
      }
      Method[] methods;
      try {
        methods = c.getDeclaredMethods();
      } catch (LinkageError e) {
        continue;
      }
      for (Method m : methods) {
        if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(descriptor)) {
          found.add(c);
          break;
        }
      }
      queue.addAll(List.of(c.getInterfaces()));
    }
    return found;
  }

  private Class<?> load(String internalName) {
    try {
      return Class.forName(internalName.replace('/', '.'), false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static String dotted(String internalName) {
    return internalName.replace('/', '.');
  }

  private static String simple(String internalName) {
    String name = internalName.substring(internalName.lastIndexOf('/') + 1);
    return name.substring(name.lastIndexOf('$') + 1);
  }
}
