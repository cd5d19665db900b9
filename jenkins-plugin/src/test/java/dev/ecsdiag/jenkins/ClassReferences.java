package dev.ecsdiag.jenkins;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes one class file refers to, read from its constant pool: class entries, and the types
 * in field and method descriptors and generic signatures. String constants are left out (their text
 * is data, not a reference).
 */
final class ClassReferences {

    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([A-Za-z_$0-9/]+)[;<]");

    private ClassReferences() {
    }

    /** Binary names with '/' ({@code java/lang/String}), arrays unwrapped. */
    static Set<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        Set<Integer> classIndexes = new HashSet<>();
        Set<Integer> stringIndexes = new HashSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // takes two slots
                }
                case 7 -> classIndexes.add(in.readUnsignedShort());
                case 8 -> stringIndexes.add(in.readUnsignedShort());
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 16, 19, 20 -> in.readUnsignedShort();
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        Set<String> refs = new TreeSet<>();
        for (int index : classIndexes) {
            String name = utf8[index];
            if (name.startsWith("[")) {
                addDescriptorTypes(name, refs);
            } else {
                refs.add(name);
            }
        }
        for (int i = 1; i < count; i++) {
            if (utf8[i] != null && !classIndexes.contains(i) && !stringIndexes.contains(i)) {
                addDescriptorTypes(utf8[i], refs);
            }
        }
        return refs;
    }

    private static void addDescriptorTypes(String descriptor, Set<String> into) {
        if (descriptor.indexOf('(') < 0 && !descriptor.startsWith("L") && !descriptor.startsWith("[") && !descriptor.startsWith("<")) {
            return; // a name, not a descriptor or signature
        }
        Matcher m = TYPE_IN_DESCRIPTOR.matcher(descriptor);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
