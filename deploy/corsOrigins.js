/**
 * The origins the API's CORS allows (serverless.yml, `extensions: HttpApi`): the stack's own
 * storefront (its CloudFront distribution, deploy/storefront.yml), whose domain CloudFormation
 * knows only once it exists, and the stage's `corsOrigins` param, if any (dev: the storefront's
 * dev server; a shop's own domain in front of the distribution). Never '*'.
 */
module.exports = async ({ resolveVariable }) => {
  const origins = await resolveVariable('param:corsOrigins, null');
  const storefront = {
    'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['StorefrontDistribution', 'DomainName'] }]],
  };
  // A list in serverless.yml's params, or one string (from --param), commas between origins.
  const given = origins === null || origins === undefined ? [] : [origins].flat();
  return [
    storefront,
    ...given
      .flatMap((origin) => String(origin).split(','))
      .map((origin) => origin.trim())
      .filter(Boolean),
  ];
};
