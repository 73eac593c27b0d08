/* The progress line of batch mode: done/total, pages/s, ETA, errors. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static double monotonic(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_init(cli_progress_line *p, cli_progress mode)
{
    p->tty = isatty(STDERR_FILENO);
    p->on = mode == PROGRESS_ON || (mode == PROGRESS_AUTO && p->tty);
    p->shown = false;
    p->start = p->last = monotonic();
}

void cli_progress_update(cli_progress_line *p, size_t done, size_t total, size_t errors,
                         bool final)
{
    if (!p->on)
        return;
    double t = monotonic();
    if (!final && t - p->last < 0.25)
        return;
    p->last = t;
    double rate = t > p->start ? (double)done / (t - p->start) : 0.0;
    char count[64], eta[48] = "";
    if (total)
        snprintf(count, sizeof count, "%zu/%zu", done, total);
    else
        snprintf(count, sizeof count, "%zu/?", done);
    if (total && rate > 0 && done < total) {
        long s = (long)((double)(total - done) / rate + 0.5);
        snprintf(eta, sizeof eta, ", ETA %ld:%02ld", s / 60, s % 60);
    }
    /* on a terminal: redrawn in place, the rest of the old line erased */
    fprintf(stderr, "%s%s pages, %.0f pages/s%s, %zu errors%s", p->tty ? "\r" : "", count, rate,
            eta, errors, p->tty ? "\x1b[K" : "\n");
    fflush(stderr);
    p->shown = p->tty;
}

void cli_progress_clear(cli_progress_line *p)
{
    if (p->shown) {
        fputs("\r\x1b[K", stderr);
        fflush(stderr);
        p->shown = false;
    }
}
