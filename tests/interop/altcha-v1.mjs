// The npm altcha-lib side of the proof-of-work interoperability tests (protocol v1).
//   solve '<challenge json>'             prints the payload altcha-lib's solver produces
//   create <secret> <number> <expires> [start]
//                                        prints a payload for a challenge altcha-lib made,
//                                        with `start=<start>` in its salt when given
//   verify <secret> <payload>            prints true when altcha-lib accepts the payload
import { createChallenge, solveChallenge, verifySolution } from 'altcha-lib/v1';

const encode = (object) => Buffer.from(JSON.stringify(object)).toString('base64');
const [command, ...args] = process.argv.slice(2);

if (command === 'solve') {
  const challenge = JSON.parse(args[0]);
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm,
                                        challenge.maxnumber).promise;
  if (!solution) process.exit(3);
  console.log(encode({ algorithm: challenge.algorithm, challenge: challenge.challenge,
                       number: solution.number, salt: challenge.salt,
                       signature: challenge.signature, took: solution.took }));
} else if (command === 'create') {
  const [secret, number, expires, start] = args;
  const challenge = await createChallenge({ hmacKey: secret, number: Number(number),
                                            maxnumber: 100000,
                                            expires: new Date(Number(expires) * 1000),
                                            params: start ? { start } : undefined });
  console.log(encode({ algorithm: challenge.algorithm, challenge: challenge.challenge,
                       number: Number(number), salt: challenge.salt,
                       signature: challenge.signature, took: 10 }));
} else if (command === 'verify') {
  console.log(String(await verifySolution(args[1], args[0])));
} else {
  process.exit(2);
}
