/**
 * Markers of opposition. Contrast markers ("but", "however") turn against
 * what precedes; concession markers ("admittedly", "some argue") grant or
 * report a view the author then answers.
 */

export const CONTRAST: readonly string[] = Object.freeze([
  'but', 'yet', 'however', 'nevertheless', 'nonetheless', 'still', 'on the other hand', 'in contrast',
  'by contrast', 'whereas', 'instead', 'on the contrary', 'even so', 'that said', 'having said that', 'having said this', 'be that as it may', 'on the flip side', 'that being said', 'this being said', 'with that said', 'with that being said',
  'then again', 'unfortunately', 'all the same', 'despite this', 'despite that', 'in spite of this',
  'in spite of that', 'regardless', 'at the same time', 'conversely', 'contrary to',
  'notwithstanding', 'the problem is', 'the trouble is', 'the downside is',
])

export const CONCESSION: readonly string[] = Object.freeze([
  'although', 'though', 'even though', 'even if', 'admittedly', 'of course', 'granted', 'it is true that',
  "it's true that", 'true', 'sure', 'while', 'whilst', 'despite', 'in spite of', 'yes', 'to be sure',
  'on the one hand', 'on one hand', 'it may be that', 'it might be that', 'it is possible that',
  'it could be argued', 'it can be argued', 'it may be argued', 'it might be argued', 'it is said',
  'it is often said', 'it is argued', 'it is claimed', 'it is often argued', 'it has been argued',
  'one could argue', 'one might argue', 'one may argue', 'one can argue', 'one could say', 'one might say', 'one could object',
  'you could argue', 'you might argue', 'you might say', 'you could say', 'you may think', 'you might think',
  'it could be said', 'it can be said', 'it might be said', 'it may be said', 'it is sometimes said', 'it is sometimes argued',
  'it is often claimed', 'it is commonly believed', 'it is widely believed', 'granted that', 'true enough',
  'one might object', 'some argue', 'some say', 'some claim', 'some believe', 'some think', 'some feel',
  'some would argue', 'some would say', 'some may argue', 'some may say', 'some might argue', 'some might say',
  'some may object', 'some might object', 'some worry', 'some fear', 'some object', 'some will say',
  'some will argue', 'some have argued', 'some have claimed', 'some have said', 'some have suggested', 'some suggest', 'some people', 'some critics', 'some experts', 'some observers',
  'critics', 'critics say', 'critics argue', 'opponents', 'opponents argue', 'proponents', 'proponents argue',
  'supporters', 'supporters argue', 'skeptics', 'sceptics', 'many people', 'many argue', 'many believe',
  'many say', 'many think', 'others argue', 'others say', 'others believe', 'others claim',
  'there are those who', 'there are people who', 'there are those that', 'there are people that', 'there are some who', 'those who', 'people who', 'advocates',
  'admittedly', 'it must be admitted', 'it must be said', 'i admit', 'i concede', 'i grant', 'i must admit', 'i have to admit', 'i will admit', "i'll admit",
  'i understand that', 'i can understand', 'i know that', 'certainly',
])

/** Inside a unit ("X, however, Y"): the unit turns against what precedes. */
export const INNER_CONTRAST: readonly string[] = Object.freeze([
  ', however,', ', however ', ', though.', ', though,', ', nevertheless,', ', nonetheless,', ', on the other hand,',
  ', in contrast,', ', by contrast,', ', instead,', ', still,',
])
