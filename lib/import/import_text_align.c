/*
 * import_text_align.c - lining up the short rows of tables recovered
 * from PDF text.  PDF converters drop the empty cells of vertically
 * merged columns (and sometimes a column of one page), so a row of 5
 * cells in a table of 7 columns belongs somewhere to the right.  The
 * placement is chosen by dynamic programming: cells keep their order,
 * and each costs by how well its kind (value, short text, long text)
 * matches the kinds the recent rows have in that column.  Costs are
 * integers (thousandths).
 */
#include "import/import_text.h"

#include <string.h>

/* Rows remembered by a profile. */
#define WINDOW 8

/* Remember a placed row. */
void jx_align_note(struct jx_align_profile *p, const unsigned char *kinds,
                   int n)
{
    if (n > JX_ALIGN_MAXCOLS) {
        n = JX_ALIGN_MAXCOLS;
    }
    unsigned char *slot = p->kinds[p->next];
    memset(slot, JX_CK_EMPTY, JX_ALIGN_MAXCOLS);
    if (n > 0) {
        memcpy(slot, kinds, (size_t)n);
    }
    p->next = (p->next + 1) % WINDOW;
    if (p->nrows < WINDOW) {
        p->nrows++;
    }
    if (n > p->ncols) {
        p->ncols = n;
    }
}

/* Rows of the window whose column c is empty. */
static long empties(const struct jx_align_profile *p, int c)
{
    long n = 0;
    for (int r = 0; r < p->nrows; r++) {
        n += p->kinds[r][c] == JX_CK_EMPTY;
    }
    return n;
}

/* Cost of putting a cell of kind k in column c: how badly its kind
 * matches the column's texts, plus a little for a column that is mostly
 * empty. */
static long cell_cost(const struct jx_align_profile *p, int k, int c)
{
    if (k == JX_CK_EMPTY) {
        return 0;
    }
    long cnt[4] = {0, 0, 0, 0};
    for (int r = 0; r < p->nrows; r++) {
        cnt[p->kinds[r][c]]++;
    }
    long tot = cnt[JX_CK_VALUE] + cnt[JX_CK_SHORT] + cnt[JX_CK_LONG];
    /* matches in halves: a short text half matches a long one */
    long match;
    if (k == JX_CK_VALUE) {
        match = 2 * cnt[JX_CK_VALUE];
    } else if (k == JX_CK_SHORT) {
        match = 2 * cnt[JX_CK_SHORT] + cnt[JX_CK_LONG];
    } else {
        match = 2 * cnt[JX_CK_LONG] + cnt[JX_CK_SHORT];
    }
    /* smoothed: a column seen once says little */
    long cost = 1000 - 1000 * (match + 1) / (2 * tot + 2);
    return cost + 300 * cnt[JX_CK_EMPTY] / p->nrows;
}

/* Cost of leaving columns from..to-1 empty before the row's first cell:
 * cheap, as converters drop the empty cells of merged leading columns. */
static long lead_gap(int from, int to)
{
    return 10L * (to - from);
}

/* Cost of leaving column c empty between two cells: dear for a column
 * that usually holds something. */
static long skip_cost(const struct jx_align_profile *p, int c)
{
    return 50 + 400 * (p->nrows - empties(p, c)) / p->nrows;
}

/*
 * Place the cells of a short row where their kinds fit best.  dp[i][c]
 * is the least cost of cells 0..i with cell i in column c; the gap cost
 * between columns b and c is a difference of prefix sums, so a running
 * minimum over b makes the whole search O(m * w).
 */
int jx_text_align(const struct jx_align_profile *p, int w,
                  const unsigned char *kinds, int m, int *pos)
{
    for (int i = 0; i < m; i++) {
        pos[i] = i;
    }
    int nonempty = 0;
    for (int i = 0; i < m; i++) {
        nonempty += kinds[i] != JX_CK_EMPTY;
    }
    if (p->nrows < 3 || nonempty < 3 || m < 1 || m >= w ||
        w > JX_ALIGN_MAXCOLS) {
        return 0;
    }
    long cost[4][JX_ALIGN_MAXCOLS];
    long gsum[JX_ALIGN_MAXCOLS + 1]; /* gsum[c]: skip costs of 0..c-1 */
    gsum[0] = 0;
    for (int c = 0; c < w; c++) {
        for (int k = 0; k < 4; k++) {
            cost[k][c] = cell_cost(p, k, c);
        }
        gsum[c + 1] = gsum[c] + skip_cost(p, c);
    }
    static const long inf = 1L << 40;
    long dp[JX_ALIGN_MAXCOLS][JX_ALIGN_MAXCOLS];
    signed char from[JX_ALIGN_MAXCOLS][JX_ALIGN_MAXCOLS];
    for (int i = 0; i < m; i++) {
        long run = inf; /* min over b < c of dp[i-1][b] - gsum[b+1] */
        int runb = -1;
        for (int c = 0; c < w; c++) {
            dp[i][c] = inf;
            from[i][c] = -1;
            if (i > 0 && c > 0 && dp[i - 1][c - 1] < inf &&
                dp[i - 1][c - 1] - gsum[c] < run) {
                run = dp[i - 1][c - 1] - gsum[c];
                runb = c - 1;
            }
            /* cell i needs i cells before it and m-1-i after it */
            if (c < i || c > w - m + i) {
                continue;
            }
            long own = cost[kinds[i]][c];
            if (i == 0) {
                dp[i][c] = own + lead_gap(0, c);
            } else if (runb >= 0) {
                dp[i][c] = own + gsum[c] + run;
                from[i][c] = (signed char)runb;
            }
        }
    }
    int best = -1;
    for (int c = m - 1; c < w; c++) {
        if (dp[m - 1][c] < inf &&
            (best < 0 || dp[m - 1][c] < dp[m - 1][best])) {
            best = c;
        }
    }
    long identity = 0;
    for (int i = 0; i < m; i++) {
        identity += cost[kinds[i]][i];
    }
    if (best < 0 || identity - dp[m - 1][best] < 300) {
        return 0;
    }
    int c = best;
    for (int i = m - 1; i >= 0; i--) {
        pos[i] = c;
        c = from[i][c];
    }
    for (int i = 0; i < m; i++) {
        if (pos[i] != i) {
            return 1;
        }
    }
    return 0;
}
