/**
 * Child process of `npm run bench:http`: the local fake Slack API (Web API + response_url hooks) in
 * a process of its own, so receiving answers neither slows the load generator's event loop (which
 * would inflate the latencies it measures) nor competes with it for one.
 *
 * Sends { url } when listening; on 'count' replies { answers } (posts and hook calls received so far,
 * auth.test excluded); on 'stop' exits.
 */
import { FakeSlack } from '../../test/slack/fake-slack.js';

const slack = new FakeSlack();
await slack.start();
let answers = 0;
// The fake keeps every call it receives; count and drop them so memory stays flat.
const tally = (): number => {
  answers += slack.posts().length + slack.hooks.length;
  slack.api.length = 0;
  slack.hooks.length = 0;
  return answers;
};
const timer = setInterval(tally, 200);
process.send?.({ url: slack.url });
process.on('message', async (m) => {
  if (m === 'count') process.send?.({ answers: tally() });
  if (m === 'stop') {
    clearInterval(timer);
    await slack.stop();
    process.exit(0);
  }
});
