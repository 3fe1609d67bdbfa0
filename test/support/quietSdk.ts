// The AWS SDK warns once per process that Node 20 support ends soon; the Lambda runs Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
