/* Replay driver for libFuzzer-style targets, for builds without libFuzzer:
 * runs LLVMFuzzerTestOneInput over every regular file named on the command
 * line or found (recursively) in a named folder, and over deterministic
 * mutations of each: every prefix length up to 512 bytes and then every
 * 97th, and a few hundred byte flips, insertions of line ends and NULs.
 * A crash or an abort() in the target fails the test; so does finding no
 * input at all.
 *
 * usage: fuzz_text_replay PATH...
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t files, runs;

static uint8_t *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        uint8_t *p = realloc(buf, cap * 2);
        if (!p) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = p;
        cap *= 2;
    }
    fclose(f);
    *n = len;
    return buf;
}

static void run(const uint8_t *data, size_t n)
{
    /* a private copy, so a read past the end is seen by the sanitizers */
    uint8_t *copy = malloc(n ? n : 1);
    if (!copy) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    if (n)
        memcpy(copy, data, n);
    LLVMFuzzerTestOneInput(copy, n);
    free(copy);
    runs++;
}

static void replay_file(const char *path)
{
    size_t n = 0;
    uint8_t *data = read_all(path, &n);
    if (!data) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(1);
    }
    files++;
    run(data, n);
    for (size_t k = 0; k < n; k += k < 512 ? 1 : 97)
        run(data, k);
    uint8_t *m = malloc(n + 1);
    if (!m)
        exit(1);
    uint32_t seed = (uint32_t)n * 2654435761u + 1;
    static const uint8_t SPECIAL[] = {'\n', '\r', 0, 0xFF, 0xC3, 0xE2, ':', ' ', '\t', '-'};
    for (int i = 0; i < 300 && n > 0; i++) {
        memcpy(m, data, n);
        size_t len = n;
        for (int e = 0; e < 1 + i % 4; e++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % len;
            uint8_t b = (seed & 1) ? SPECIAL[(seed >> 3) % sizeof SPECIAL] : (uint8_t)(seed >> 16);
            if (i % 3 == 0 && len < n + 1) {
                memmove(m + at + 1, m + at, len - at);
                m[at] = b;
                len++;
            } else {
                m[at] = b;
            }
        }
        run(m, len);
    }
    free(m);
    free(data);
}

static void replay_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "no such file or folder: %s\n", path);
        exit(1);
    }
    if (!S_ISDIR(st.st_mode)) {
        replay_file(path);
        return;
    }
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(1);
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        char *child = malloc(len);
        if (!child)
            exit(1);
        snprintf(child, len, "%s/%s", path, e->d_name);
        replay_path(child);
        free(child);
    }
    closedir(d);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++)
        replay_path(argv[i]);
    if (files == 0) {
        fprintf(stderr, "no input files found\n");
        return 1;
    }
    printf("replayed %zu files, %zu runs\n", files, runs);
    return 0;
}
