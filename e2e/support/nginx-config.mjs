// The e2e reverse proxy: nginx terminating TLS for the app's name and spreading requests over
// the `next start` instances, configured the way a deployment in front of the kit must be.
// Everything nginx writes stays in the run directory, so it runs without root and without
// touching /etc/nginx or /var/log/nginx (build-and-start.mjs starts it with -p, -c and -e).
import os from 'node:os'
import path from 'node:path'

/**
 * @param {object} options
 * @param {string} options.dir       the run's nginx directory (config, pid, logs, temp files)
 * @param {string} options.host      the app's name, e.g. app.test
 * @param {number} options.port      the HTTPS port, on 127.0.0.1
 * @param {readonly number[]} options.instancePorts  the `next start` instances, on 127.0.0.1
 * @param {string} options.certificate  PEM certificate for `host`
 * @param {string} options.key          its PEM private key
 * @returns {string} nginx.conf
 */
function nginxConfig({ dir, host, port, instancePorts, certificate, key }) {
  const file = (name) => path.join(dir, name)
  const servers = instancePorts.map((instancePort) => `    server 127.0.0.1:${instancePort};`)
  return `# Written by e2e/support/nginx-config.mjs for one e2e run; see the comments there and here.

# In the foreground, as a child of build-and-start.mjs: Playwright's SIGTERM stops it with the rest.
daemon off;
# One worker: round robin state lives per worker, so one worker alternates strictly.
worker_processes 1;
${
  // As root, workers would otherwise drop to 'nobody', which may not read this run's files.
  os.userInfo().uid === 0 ? 'user root root;' : '# not root: workers run as the current user'
}
pid ${file('nginx.pid')};
error_log ${file('error.log')} warn;

events {
  worker_connections 1024;
}

http {
  # Temp paths inside the run directory (the defaults are under /var/lib/nginx).
  client_body_temp_path ${file('tmp/client-body')};
  proxy_temp_path ${file('tmp/proxy')};
  fastcgi_temp_path ${file('tmp/fastcgi')};
  uwsgi_temp_path ${file('tmp/uwsgi')};
  scgi_temp_path ${file('tmp/scgi')};

  # Which instance answered each request: the first thing to read when a test fails. Build
  # assets are left out, so the tail a failing test prints shows pages, actions and API calls.
  log_format upstream '$time_iso8601 $request_method $request_uri -> $upstream_addr $status '
                      '$request_time s';
  map $request_uri $log_request {
    ~^/_next/static/ 0;
    default 1;
  }
  access_log ${file('access.log')} upstream if=$log_request;

  upstream next_instances {
    # Round robin (nginx's default): one user's consecutive requests land on different
    # instances, so nothing in the kit may depend on being answered by the same process twice.
${servers.join('\n')}
  }

  server {
    listen 127.0.0.1:${port} ssl;
    server_name ${host};
    ssl_certificate ${certificate};
    ssl_certificate_key ${key};

    location / {
      proxy_pass http://next_instances;
      proxy_http_version 1.1;
      # A failed instance is a test failure (502), not something the other instance quietly hides.
      proxy_next_upstream off;

      # Next.js (and the kit's origin check) learn the host the browser used only from these:
      # under \`next start\`, request.url says localhost whatever the browser asked for.
      proxy_set_header Host $http_host;
      # Set, never appended to: a client-sent X-Forwarded-Host would otherwise let any page
      # claim to be this host and pass the origin check for signing out.
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Port $server_port;
      # This proxy is the edge: the client's own X-Forwarded-For is not evidence of anything.
      proxy_set_header X-Forwarded-For $remote_addr;
      # The client's address for the app's sign-in throttle, which trusts this header alone
      # (TRUSTED_PROXY_IP_HEADER=x-real-ip): set, never appended to, so a client cannot choose it.
      proxy_set_header X-Real-IP $remote_addr;

      # Names the instance that answered, on every response (errors too: \`always\`), so a test
      # can show that both instances served the same user.
      add_header X-Instance $upstream_addr always;
    }
  }
}
`
}

export { nginxConfig }
