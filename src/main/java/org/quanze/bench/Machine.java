package org.quanze.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on: cores, memory, JDK and how busy the machine was. */
record Machine(int cores, long memoryMiB, String jdk, String os, double[] loadAverage, int otherBuilds) {

    static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemoryMiB(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), readLoadAverage(), countBuilds());
    }

    /** The 1, 5 and 15 minute load averages, or NaN off Linux. */
    static double[] readLoadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }

    private static long readMemoryMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return -1;
    }

    /** Maven processes running beside the benchmark (other builds compete for the same cores). */
    private static int countBuilds() {
        return (int) ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("org.codehaus.plexus.classworlds")
                        || c.contains("maven")).orElse(false))
                .count();
    }
}
