/**
 * Whether text that could not be read still starts like one of our files, to tell "damaged"
 * from "not a map" for files that break before their envelope can be checked.
 */
export const looksLikeMap = (text: string): boolean => {
  const head = text.slice(0, 2048);
  return /"type"\s*:\s*"journeywall-map"/.test(head) || /"format"\s*:\s*"journeywall-backup"/.test(head);
};
