// Function words that say nothing about what a passage is about.
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...`a about above after again against all am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further
  had has have having he her here hers herself him himself his how i if in into us is it its itself
  just me more most my myself no nor not now of off on once only or other our ours ourselves out
  over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours yourself yourselves also may might must
  shall upon whether yet however although though via per among amid within without onto
  since unless whereas whose till despite
  s t don doesn didn isn wasn aren weren wouldn shouldn couldn hasn haven hadn let lets
  ll re ve d m o y ain`.split(/\s+/).filter(Boolean),
  // The contracted auxiliaries and pronouns, as the tokenizer folds them (inner apostrophes dropped:
  // "can't" -> "cant"); the list above has them split at the apostrophe ("don", "t"). Those that
  // fold into another word ("we'll" -> "well", "she'd" -> "shed") are left out.
  ...`can't won't don't doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't wouldn't
  shouldn't couldn't mustn't mightn't needn't shan't ain't i'm i've you're you've you'd you'll
  he'd we've they're they've they'd they'll that'll should've would've could've might've must've`
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/'/g, '')),
]);
