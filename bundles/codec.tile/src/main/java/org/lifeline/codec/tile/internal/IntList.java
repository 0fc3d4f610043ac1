package org.lifeline.codec.tile.internal;

import java.util.Arrays;

/** A growable list of ints without boxing, reused across updates. */
final class IntList {
    private int[] a;
    private int n;

    IntList(int capacity) {
        a = new int[capacity];
    }

    void add(int v) {
        if (n == a.length) a = Arrays.copyOf(a, n * 2);
        a[n++] = v;
    }

    int get(int i) {
        return a[i];
    }

    void set(int i, int v) {
        a[i] = v;
    }

    int size() {
        return n;
    }

    void clear() {
        n = 0;
    }
}
