using KnovvuOrleans.Gateway;

GatewayApp.Build(new WebApplicationOptions { Args = args }).Run();
