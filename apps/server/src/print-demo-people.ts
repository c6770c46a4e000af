import { DEMO_PASSWORD, type SeedResult } from '@kundnav/db'

/** Tells a person at the terminal who can log in to the demo portal. */
export function printDemoPeople(people: SeedResult['people']): void {
  const lines = people.map(
    (person) => `  ${person.username.padEnd(38)} ${person.name} — ${person.roles.join('; ')}`,
  )
  console.log(
    [
      '',
      'Demo data is in place. Everyone signs in with the password:',
      `  ${DEMO_PASSWORD}`,
      'Usernames:',
      ...lines,
      '',
    ].join('\n'),
  )
}
