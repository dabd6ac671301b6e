// Runs once per replica set (the mongodb-init Job): initiate, wait for a primary, create the app user.
const members = Number(process.env.MEMBERS);
const host = i => `${process.env.SET_NAME}-${i}.${process.env.SERVICE_HOST}:${process.env.PORT}`;
try {
  rs.status();
} catch (e) {
  // Member 0 is preferred as primary: this script waits on it, connected directly.
  rs.initiate({ _id: process.env.REPLICA_SET, members: Array.from({ length: members }, (_, i) => ({ _id: i, host: host(i), priority: i === 0 ? 2 : 1 })) });
}
while (!db.hello().isWritablePrimary) sleep(1000);
const app = db.getSiblingDB(process.env.DATABASE);
if (!app.getUser(process.env.MONGODB_USERNAME)) {
  app.createUser({ user: process.env.MONGODB_USERNAME, pwd: process.env.MONGODB_PASSWORD, roles: [{ role: "readWrite", db: process.env.DATABASE }] });
}
