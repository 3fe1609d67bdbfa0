/**
 * The origins the API's CORS allows (serverless.yml, `extensions: HttpApi`): the stack's own
 * storefront (its CloudFront distribution, deploy/storefront.yml), whose domain CloudFormation
 * knows only once it exists, and the stage's `corsOrigins` param, if any (dev: the storefront's
 * dev server; a shop's own domain in front of the distribution). Each must be an origin a browser
 * sends: https (http only for this machine), a host and maybe a port, nothing after; never '*'.
 */
const ORIGIN = /^(https:\/\/[a-z0-9.-]+|http:\/\/(localhost|127\.0\.0\.1|\[::1\]))(:\d{1,5})?$/;

module.exports = async ({ resolveVariable }) => {
  const given = await resolveVariable('param:corsOrigins, null');
  // A list in serverless.yml's params, or one string (from --param), commas between origins.
  const origins = (given === null || given === undefined ? [] : [given].flat())
    .flatMap((origin) => String(origin).split(','))
    .map((origin) => origin.trim())
    .filter(Boolean);
  const refused = origins.filter((origin) => !ORIGIN.test(origin));
  if (refused.length > 0) {
    throw new Error(
      `corsOrigins takes origins such as https://shop.example (https, a host, no path, never *): ${refused.join(', ')}`,
    );
  }
  const storefront = {
    'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['StorefrontDistribution', 'DomainName'] }]],
  };
  return [storefront, ...origins];
};
