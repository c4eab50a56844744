/** Hedges soften a statement; boosters stress it. Both are the writer's voice. */

export const HEDGES: readonly string[] = Object.freeze([
  'may', 'might', 'perhaps', 'arguably', 'likely', 'unlikely', 'possibly', 'probably', 'maybe', 'could',
  'seem', 'seems', 'seemed', 'apparently', 'presumably', 'to some extent', 'to a certain extent', 'somewhat',
  'in some cases', 'sometimes', 'potentially', 'it seems', 'tend to', 'tends to', 'suggests',
])

export const BOOSTERS: readonly string[] = Object.freeze([
  'no doubt', 'undoubtedly', 'surely', 'certainly', 'definitely', 'obviously', 'clearly', 'of course',
  'without doubt', 'undeniably', 'evidently', 'really', 'truly', 'absolutely', 'by far', 'far more',
])
