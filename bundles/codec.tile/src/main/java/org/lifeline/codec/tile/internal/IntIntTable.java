package org.lifeline.codec.tile.internal;

import java.util.Arrays;

/**
 * Open-addressing map from non-zero int keys to one non-negative value; a key put twice maps to -1
 * (ambiguous), which is what row matching needs: a row that occurs twice says nothing about an offset.
 */
final class IntIntTable {
    private int[] keys = new int[0];
    private int[] values = new int[0];
    private int mask;

    void clear(int expected) {
        int size = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        if (keys.length != size) {
            keys = new int[size];
            values = new int[size];
        } else {
            Arrays.fill(keys, 0);
        }
        mask = size - 1;
    }

    void put(int key, int value) {
        int i = (key * 0x9E3779B9) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                values[i] = -1;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    int get(int key) {
        int i = (key * 0x9E3779B9) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) return values[i];
            i = (i + 1) & mask;
        }
        return -1;
    }
}
