package org.jvirtualenv.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dynamic-linking facts of an ELF executable that decide whether a copied interpreter still
 * finds its shared library: the libraries it needs (DT_NEEDED) and where it looks for them
 * (DT_RUNPATH, else DT_RPATH). Read from the program headers, 32 or 64 bit, either byte order.
 */
public record ElfDynamic(List<String> needed, List<String> searchPath) {
    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final long DT_NEEDED = 1;
    private static final long DT_STRTAB = 5;
    private static final long DT_RPATH = 15;
    private static final long DT_RUNPATH = 29;

    /** Empty when the file is not a dynamically linked ELF file we can read. */
    public static Optional<ElfDynamic> read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < 64 || channel.size() > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            ByteBuffer buf = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return parse(buf);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<ElfDynamic> parse(ByteBuffer buf) {
        if (buf.get(0) != 0x7f || buf.get(1) != 'E' || buf.get(2) != 'L' || buf.get(3) != 'F') {
            return Optional.empty();
        }
        boolean is64 = buf.get(4) == 2;
        buf.order(buf.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long phoff = is64 ? buf.getLong(0x20) : Integer.toUnsignedLong(buf.getInt(0x1C));
        int phentsize = Short.toUnsignedInt(buf.getShort(is64 ? 0x36 : 0x2A));
        int phnum = Short.toUnsignedInt(buf.getShort(is64 ? 0x38 : 0x2C));
        List<long[]> loads = new ArrayList<>(); // {vaddr, offset, filesz}
        long dynOffset = -1;
        long dynSize = 0;
        for (int i = 0; i < phnum; i++) {
            int at = (int) (phoff + (long) i * phentsize);
            int type = buf.getInt(at);
            long offset = is64 ? buf.getLong(at + 8) : Integer.toUnsignedLong(buf.getInt(at + 4));
            long vaddr = is64 ? buf.getLong(at + 16) : Integer.toUnsignedLong(buf.getInt(at + 8));
            long filesz = is64 ? buf.getLong(at + 32) : Integer.toUnsignedLong(buf.getInt(at + 16));
            if (type == PT_LOAD) {
                loads.add(new long[] {vaddr, offset, filesz});
            } else if (type == PT_DYNAMIC) {
                dynOffset = offset;
                dynSize = filesz;
            }
        }
        if (dynOffset < 0) {
            return Optional.empty();
        }
        int entry = is64 ? 16 : 8;
        List<Long> neededOffsets = new ArrayList<>();
        long strtab = -1;
        long rpath = -1;
        long runpath = -1;
        for (long at = dynOffset; at + entry <= dynOffset + dynSize; at += entry) {
            long tag = is64 ? buf.getLong((int) at) : buf.getInt((int) at);
            long val = is64 ? buf.getLong((int) at + 8) : Integer.toUnsignedLong(buf.getInt((int) at + 4));
            if (tag == 0) {
                break;
            } else if (tag == DT_NEEDED) {
                neededOffsets.add(val);
            } else if (tag == DT_STRTAB) {
                strtab = val;
            } else if (tag == DT_RPATH) {
                rpath = val;
            } else if (tag == DT_RUNPATH) {
                runpath = val;
            }
        }
        long strtabOffset = fileOffset(loads, strtab);
        if (strtabOffset < 0) {
            return Optional.empty();
        }
        List<String> needed = new ArrayList<>();
        for (long off : neededOffsets) {
            needed.add(string(buf, strtabOffset + off));
        }
        long searchOff = runpath >= 0 ? runpath : rpath;
        List<String> search = new ArrayList<>();
        if (searchOff >= 0) {
            for (String dir : string(buf, strtabOffset + searchOff).split(":")) {
                if (!dir.isEmpty()) {
                    search.add(dir);
                }
            }
        }
        return Optional.of(new ElfDynamic(List.copyOf(needed), List.copyOf(search)));
    }

    private static long fileOffset(List<long[]> loads, long vaddr) {
        if (vaddr < 0) {
            return -1;
        }
        for (long[] load : loads) {
            if (vaddr >= load[0] && vaddr < load[0] + load[2]) {
                return vaddr - load[0] + load[1];
            }
        }
        return -1;
    }

    private static String string(ByteBuffer buf, long offset) {
        StringBuilder out = new StringBuilder();
        for (int i = (int) offset; i < buf.limit() && buf.get(i) != 0; i++) {
            out.append((char) (buf.get(i) & 0xff));
        }
        return out.toString();
    }
}
