/**
 * What the docs add to an S6_* setting's one-line meaning (lib/graph/overlay's S6_SETTINGS,
 * which the inspector shows too): the cases that line leaves out and where upstream's README
 * and upstream's code disagree (FORMAT §5).
 */
export const S6_SETTING_NOTES: Readonly<Record<string, string>> = {
  S6_KILL_FINISH_MAXTIME:
    "The s6-overlay README gives 5000 as the default; the overlay's cont-finish script uses 0 (no limit), and this table follows the code.",
}
